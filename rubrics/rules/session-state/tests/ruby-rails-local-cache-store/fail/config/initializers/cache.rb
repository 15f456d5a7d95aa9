# ruleid: ruby-rails-local-cache-store
LOCAL_CACHE = ActiveSupport::Cache.lookup_store(:memory_store, size: 16.megabytes)
