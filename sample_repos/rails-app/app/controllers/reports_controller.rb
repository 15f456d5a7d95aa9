class ReportsController < ApplicationController
  def show
    report = ProjectReport.new(current_user.account)
    @overdue = report.overdue
    @workload = report.workload
  end
end
