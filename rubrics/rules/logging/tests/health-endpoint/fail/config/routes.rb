Rails.application.routes.draw do
  # ruleid: health-endpoint
  get "up" => "rails/health#show", as: :rails_health_check
end
