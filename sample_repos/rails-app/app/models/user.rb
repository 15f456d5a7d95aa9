class User < ApplicationRecord
  belongs_to :account
  has_many :memberships, dependent: :destroy
  has_many :projects, through: :memberships
  has_many :assigned_tasks, class_name: "Task", foreign_key: :assignee_id, dependent: :nullify, inverse_of: :assignee
  has_many :comments, foreign_key: :author_id, dependent: :destroy, inverse_of: :author

  has_secure_password

  validates :email, presence: true, uniqueness: { case_sensitive: false },
                    format: { with: URI::MailTo::EMAIL_REGEXP }
  validates :name, presence: true

  before_save { self.email = email.downcase }

  def member_of?(project)
    memberships.exists?(project: project)
  end

  def role_in(project)
    memberships.find_by(project: project)&.role
  end
end
