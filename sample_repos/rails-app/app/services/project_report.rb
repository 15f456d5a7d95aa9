# Account-level reporting for the weekly planning meeting. The overdue query is hand-written:
# the ActiveRecord version needed three queries per project.
class ProjectReport
  OVERDUE_SQL = <<~SQL
    SELECT p.id, p.key, p.name, COUNT(t.id) AS overdue_tasks, MIN(t.due_on) AS oldest_due_on
      FROM projects p
      JOIN tasks t ON t.project_id = p.id
     WHERE p.account_id = ? AND t.state <> 'done' AND t.due_on < ?
     GROUP BY p.id, p.key, p.name
     ORDER BY overdue_tasks DESC
  SQL

  def initialize(account)
    @account = account
  end

  def overdue
    Project.find_by_sql([OVERDUE_SQL, @account.id, Date.current])
  end

  def workload
    Task.open.where(project_id: @account.projects.select(:id)).group(:assignee_id).count
  end
end
