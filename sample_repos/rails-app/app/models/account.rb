class Account < ApplicationRecord
  has_many :users, dependent: :destroy
  has_many :projects, dependent: :destroy

  validates :name, presence: true, uniqueness: true
  validates :plan, inclusion: { in: %w[free team business] }

  def project_limit
    { "free" => 3, "team" => 50, "business" => nil }.fetch(plan)
  end

  def can_create_project?
    project_limit.nil? || projects.active.count < project_limit
  end
end
