Rails.application.configure do
  config.active_storage.service = :amazon
end
