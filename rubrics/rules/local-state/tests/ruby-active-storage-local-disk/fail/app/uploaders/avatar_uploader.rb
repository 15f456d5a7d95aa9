class AvatarUploader < CarrierWave::Uploader::Base
  # ruleid: ruby-active-storage-local-disk
  storage :file
end
