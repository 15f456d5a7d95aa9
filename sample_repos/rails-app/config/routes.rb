Rails.application.routes.draw do
  root "projects#index"

  get "up", to: proc { [200, { "Content-Type" => "text/plain" }, ["ok"]] }

  resources :projects do
    member do
      post :archive
    end
    resources :tasks, shallow: true do
      member do
        patch :move
      end
      resources :comments, only: %i[create destroy], shallow: true
      resources :uploads, only: %i[create show destroy], shallow: true
    end
    collection do
      post :import
    end
  end

  resource :report, only: :show
end
