Rails.application.configure do
  # config.cache_store = :memory_store, { size: 64.megabytes }
=begin
  config.cache_store = :file_store, "/var/cache/shop"
=end
  config.cache_store = :redis_cache_store, { url: ENV.fetch("REDIS_URL") }
  config.session_store :cache_store, key: "_shop_session"
  config.log_level = :info
  Rails.logger.info("cache is not memory_store any more")
end
