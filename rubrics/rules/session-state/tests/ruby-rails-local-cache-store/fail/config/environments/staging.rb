Rails.application.configure do
  # ruleid: ruby-rails-local-cache-store
  config.cache_store = :file_store, "/var/cache/shop"
end
