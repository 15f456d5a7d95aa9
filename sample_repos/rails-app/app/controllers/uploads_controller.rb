# Task attachments, stored on the app server's disk under config.x.uploads_root:
#   <uploads_root>/<project key>/<task number>/<random>-<original name>
class UploadsController < ApplicationController
  ALLOWED_TYPES = %w[image/png image/jpeg application/pdf text/plain text/csv application/zip].freeze

  before_action :set_task, only: :create

  def create
    file = params.require(:file)
    if file.size > Rails.configuration.x.max_upload_bytes
      redirect_to @task, alert: "Files can be at most #{Rails.configuration.x.max_upload_bytes / 1.megabyte} MB."
      return
    end
    unless ALLOWED_TYPES.include?(file.content_type)
      redirect_to @task, alert: "That file type is not allowed."
      return
    end

    relative = File.join(@task.project.key, @task.number.to_s, "#{SecureRandom.hex(8)}-#{safe_name(file.original_filename)}")
    path = File.join(Rails.configuration.x.uploads_root, relative)
    FileUtils.mkdir_p(File.dirname(path))
    File.open(path, "wb") do |out|
      IO.copy_stream(file.to_io, out)
    end

    @task.attachments.create!(
      filename: file.original_filename,
      stored_path: relative,
      content_type: file.content_type,
      byte_size: file.size,
      uploaded_by: current_user
    )
    redirect_to @task, notice: "#{file.original_filename} attached."
  rescue SystemCallError => e
    Rails.logger.error("upload failed for task #{@task&.id}: #{e.message}")
    redirect_to @task, alert: "The file could not be stored. Please try again."
  end

  def show
    attachment = find_attachment
    send_file attachment.absolute_path,
              filename: attachment.filename,
              type: attachment.content_type,
              disposition: attachment.image? ? "inline" : "attachment"
  end

  def destroy
    attachment = find_attachment
    task = attachment.task
    attachment.destroy!
    FileUtils.rm_f(attachment.absolute_path)
    redirect_to task, notice: "Attachment removed."
  end

  private

  def set_task
    @task = Task.joins(project: :memberships).where(memberships: { user_id: current_user.id }).find(params[:task_id])
  end

  def find_attachment
    Attachment.joins(task: { project: :memberships })
              .where(memberships: { user_id: current_user.id })
              .find(params[:id])
  end

  def safe_name(name)
    File.basename(name.to_s).gsub(/[^\w.\-]+/, "_").slice(0, 100)
  end
end
