class ProjectsController < ApplicationController
  before_action :set_project, only: %i[show edit update destroy archive import]

  def index
    @projects = current_user.projects.active.recent.includes(:owner).page(params[:page])
  end

  def show
    @tasks_by_state = @project.tasks.includes(:assignee).group_by(&:state)
  end

  def new
    @project = current_user.account.projects.new
  end

  def create
    account = current_user.account
    unless account.can_create_project?
      redirect_to projects_path, alert: "Your plan allows #{account.project_limit} active projects."
      return
    end

    @project = account.projects.new(project_params.merge(owner: current_user))
    ActiveRecord::Base.transaction do
      @project.save!
      @project.memberships.create!(user: current_user, role: "owner")
    end
    redirect_to @project, notice: "Project created."
  rescue ActiveRecord::RecordInvalid
    render :new, status: :unprocessable_entity
  end

  def update
    if @project.update(project_params)
      redirect_to @project, notice: "Project updated."
    else
      render :edit, status: :unprocessable_entity
    end
  end

  def archive
    archive_path = ProjectArchiver.new(@project, requested_by: current_user).call
    redirect_to projects_path, notice: "#{@project.name} archived to #{File.basename(archive_path)}."
  rescue ProjectArchiver::Error => e
    redirect_to @project, alert: e.message
  end

  def import
    result = TaskImporter.new(@project, reporter: current_user).import(params.require(:file))
    redirect_to @project, notice: "Imported #{result.created} tasks (#{result.skipped} skipped)."
  rescue TaskImporter::InvalidFile => e
    redirect_to @project, alert: e.message
  end

  def destroy
    @project.destroy!
    redirect_to projects_path, notice: "Project deleted."
  end

  private

  def set_project
    @project = current_user.account.projects.find(params[:id])
    require_membership!(@project)
  end

  def project_params
    params.require(:project).permit(:name, :key, :description)
  end
end
