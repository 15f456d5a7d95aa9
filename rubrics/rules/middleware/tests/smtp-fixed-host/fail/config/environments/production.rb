Rails.application.configure do
  # ruleid: smtp-fixed-host
  config.action_mailer.smtp_settings = { address: "mail01.corp.acme.com", port: 25 }
end
