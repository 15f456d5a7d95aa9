class TasksController < ApplicationController
  before_action :set_project, only: %i[index new create]
  before_action :set_task, only: %i[show edit update destroy move]

  def index
    tasks = @project.tasks.includes(:assignee)
    tasks = tasks.where(state: params[:state]) if params[:state].present?
    tasks = tasks.where(assignee_id: current_user.id) if params[:mine] == "1"
    @tasks = tasks.page(params[:page])
    respond_to do |format|
      format.html
      format.json { render json: @tasks.map { |t| task_json(t) } }
    end
  end

  def show
    @comment = @task.comments.new
  end

  def new
    @task = @project.tasks.new
  end

  def create
    @task = @project.tasks.new(task_params.merge(reporter: current_user, state: "todo"))
    if @task.save
      redirect_to @task, notice: "#{@task.reference} created."
    else
      render :new, status: :unprocessable_entity
    end
  end

  def update
    if @task.update(task_params)
      redirect_to @task, notice: "Task updated."
    else
      render :edit, status: :unprocessable_entity
    end
  end

  # PATCH /tasks/:id/move  (drag and drop on the board)
  def move
    Task.transaction do
      siblings = @task.project.tasks.where(state: params[:state]).where("position >= ?", params[:position].to_i)
      siblings.update_all("position = position + 1")
      @task.move_to!(params[:state], params[:position].to_i)
    end
    render json: task_json(@task)
  rescue ArgumentError => e
    render json: { error: e.message }, status: :unprocessable_entity
  end

  def destroy
    project = @task.project
    @task.destroy!
    redirect_to project, notice: "Task deleted."
  end

  private

  def set_project
    @project = current_user.projects.find(params[:project_id])
  end

  def set_task
    @task = Task.joins(project: :memberships).where(memberships: { user_id: current_user.id }).find(params[:id])
  end

  def task_params
    params.require(:task).permit(:title, :description, :assignee_id, :due_on, :estimate_hours)
  end

  def task_json(task)
    task.as_json(only: %i[id number title state position due_on]).merge(reference: task.reference)
  end
end
