# require "rufus-scheduler"
Rails.application.config.active_job.queue_adapter = :sidekiq
