class AvatarUploader < CarrierWave::Uploader::Base
  storage :fog
end
