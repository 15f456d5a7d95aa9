Rails.application.configure do
  # ruleid: ruby-active-storage-local-disk
  config.active_storage.service = :local
end
