class ApplicationController < ActionController::Base
  before_action :require_login

  helper_method :current_user

  rescue_from ActiveRecord::RecordNotFound, with: :not_found

  private

  def current_user
    @current_user ||= User.find_by(id: session[:user_id]) if session[:user_id]
  end

  def require_login
    return if current_user

    respond_to do |format|
      format.html { redirect_to "/login", alert: "Please sign in." }
      format.json { render json: { error: "unauthenticated" }, status: :unauthorized }
    end
  end

  def require_membership!(project)
    raise ActiveRecord::RecordNotFound unless current_user.member_of?(project)
  end

  def not_found
    respond_to do |format|
      format.html { render file: Rails.public_path.join("404.html"), status: :not_found, layout: false }
      format.json { render json: { error: "not found" }, status: :not_found }
    end
  end
end
