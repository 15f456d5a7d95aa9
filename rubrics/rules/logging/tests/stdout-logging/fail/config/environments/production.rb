Rails.application.configure do
  # ruleid: stdout-logging
  config.logger = ActiveSupport::Logger.new(STDOUT)
end
