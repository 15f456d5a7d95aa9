require_relative "boot"

require "rails"
require "active_model/railtie"
require "active_job/railtie"
require "active_record/railtie"
require "action_controller/railtie"
require "action_mailer/railtie"
require "action_view/railtie"
require "action_cable/engine"
require "sprockets/railtie"

# Require the gems listed in Gemfile, including any gems
# you've limited to :test, :development, or :production.
Bundler.require(*Rails.groups)

module Taskboard
  class Application < Rails::Application
    # Initialize configuration defaults for originally generated Rails version.
    config.load_defaults 7.0

    config.time_zone = ENV.fetch("APP_TIME_ZONE", "Europe/Berlin")
    config.i18n.default_locale = :en

    # Where uploaded task attachments are kept (see UploadsController).
    config.x.uploads_root = ENV.fetch("UPLOADS_ROOT", "/srv/taskboard/uploads")
    config.x.max_upload_bytes = 20.megabytes

    config.generators do |g|
      g.test_framework :rspec
      g.helper false
    end
  end
end
