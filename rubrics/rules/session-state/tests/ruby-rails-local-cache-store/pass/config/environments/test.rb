Rails.application.configure do
  config.cache_store = :null_store
  config.action_controller.perform_caching = false
end
