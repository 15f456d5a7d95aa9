class PriceCache
  # STORE = ActiveSupport::Cache::MemoryStore.new
  STORE = ActiveSupport::Cache::RedisCacheStore.new(url: ENV.fetch("REDIS_URL"))
end
