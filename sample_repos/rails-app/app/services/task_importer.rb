require "csv"

# Imports tasks from a CSV export of the old tracker:
#   title,description,assignee_email,due_on,state
class TaskImporter
  class InvalidFile < StandardError; end

  Result = Struct.new(:created, :skipped, keyword_init: true)

  REQUIRED_HEADERS = %w[title].freeze

  def initialize(project, reporter:)
    @project = project
    @reporter = reporter
  end

  def import(upload)
    # Copy the upload to a scratch file first: large exports are parsed row by row.
    scratch_name = "taskboard-import-#{SecureRandom.hex(8)}.csv"
    File.open(File.join(Dir.tmpdir, scratch_name), "wb") { |f| IO.copy_stream(upload.to_io, f) }

    # Earlier versions kept a local log of every import:
    # File.write("/var/log/taskboard/imports.log", "#{Time.current} #{@project.key}\n", mode: "a")

    created = 0
    skipped = 0
    ActiveRecord::Base.transaction do
      CSV.foreach(File.join(Dir.tmpdir, scratch_name), headers: true, encoding: "bom|utf-8") do |row|
        check_headers!(row.headers) if created.zero? && skipped.zero?
        if row["title"].blank?
          skipped += 1
          next
        end
        @project.tasks.create!(
          title: row["title"].strip,
          description: row["description"],
          assignee: assignee_for(row["assignee_email"]),
          due_on: parse_date(row["due_on"]),
          state: Task::STATES.include?(row["state"]) ? row["state"] : "todo",
          reporter: @reporter
        )
        created += 1
      end
    end
    Result.new(created: created, skipped: skipped)
  rescue CSV::MalformedCSVError => e
    raise InvalidFile, "The file is not valid CSV: #{e.message}"
  ensure
    FileUtils.rm_f(File.join(Dir.tmpdir, scratch_name)) if scratch_name
  end

  private

  def check_headers!(headers)
    missing = REQUIRED_HEADERS - headers.compact.map(&:strip)
    raise InvalidFile, "Missing column(s): #{missing.join(', ')}" if missing.any?
  end

  def assignee_for(email)
    return nil if email.blank?

    @project.members.find_by(email: email.strip.downcase)
  end

  def parse_date(value)
    Date.parse(value) if value.present?
  rescue Date::Error
    nil
  end
end
