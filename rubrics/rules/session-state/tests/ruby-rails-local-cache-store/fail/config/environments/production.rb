require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true

  # ruleid: ruby-rails-local-cache-store
  config.cache_store = :memory_store, { size: 64.megabytes }

  config.log_level = :info
end
