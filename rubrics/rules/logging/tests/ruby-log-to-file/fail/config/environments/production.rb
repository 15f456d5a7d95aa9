Rails.application.configure do
  # ruleid: ruby-log-to-file
  config.logger = ActiveSupport::Logger.new(Rails.root.join("log", "production.log"))
end
