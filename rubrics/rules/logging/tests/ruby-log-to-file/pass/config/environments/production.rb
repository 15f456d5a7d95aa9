Rails.application.configure do
  # config.logger = ActiveSupport::Logger.new("log/production.log")
  config.logger = ActiveSupport::TaggedLogging.new(ActiveSupport::Logger.new($stdout))
  config.logger = Logger.new(STDOUT)
end
