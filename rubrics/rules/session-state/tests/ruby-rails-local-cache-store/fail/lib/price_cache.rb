class PriceCache
  # ruleid: ruby-rails-local-cache-store
  STORE = ActiveSupport::Cache::MemoryStore.new(size: 32.megabytes)
end
