class CommentsController < ApplicationController
  def create
    task = Task.joins(project: :memberships).where(memberships: { user_id: current_user.id }).find(params[:task_id])
    comment = task.comments.new(body: params.require(:comment)[:body], author: current_user)
    if comment.save
      redirect_to task, notice: "Comment added."
    else
      redirect_to task, alert: comment.errors.full_messages.to_sentence
    end
  end

  def destroy
    comment = current_user.comments.find(params[:id])
    comment.destroy!
    redirect_to comment.task, notice: "Comment deleted."
  end
end
