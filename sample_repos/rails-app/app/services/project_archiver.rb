# Archives a project: exports it (tasks, comments, attachment list) as JSON next to the
# uploads, then marks it archived and closes its open tasks in one transaction.
class ProjectArchiver
  class Error < StandardError; end

  ARCHIVE_DIR = ENV.fetch("ARCHIVE_DIR", "/srv/taskboard/archives")

  def initialize(project, requested_by:)
    @project = project
    @requested_by = requested_by
  end

  def call
    raise Error, "#{@project.name} is already archived." if @project.archived?
    raise Error, "Only the owner can archive a project." unless @project.owner_id == @requested_by.id

    path = File.join(ARCHIVE_DIR, "#{@project.key}-#{Time.current.strftime('%Y%m%d%H%M%S')}.json")

    ActiveRecord::Base.transaction do
      @project.lock!
      @project.tasks.open.find_each do |task|
        task.update!(state: "done", completed_at: Time.current)
        task.comments.create!(author: @requested_by, body: "Closed automatically when the project was archived.")
      end
      @project.update!(status: :archived, archived_at: Time.current)

      FileUtils.mkdir_p(ARCHIVE_DIR)
      File.write(path, JSON.pretty_generate(snapshot))
    end

    Rails.logger.info("project #{@project.key} archived to #{path} by user #{@requested_by.id}")
    path
  end

  private

  def snapshot
    {
      project: @project.as_json(only: %i[id key name description created_at archived_at]),
      members: @project.members.map { |u| { id: u.id, name: u.name, email: u.email } },
      tasks: @project.tasks.includes(:comments, :attachments).map do |task|
        task.as_json(only: %i[number title description state due_on completed_at]).merge(
          comments: task.comments.map { |c| c.as_json(only: %i[author_id body created_at]) },
          attachments: task.attachments.map { |a| a.as_json(only: %i[filename stored_path byte_size]) }
        )
      end
    }
  end
end
