class Project < ApplicationRecord
  belongs_to :account
  belongs_to :owner, class_name: "User"
  has_many :memberships, dependent: :destroy
  has_many :members, through: :memberships, source: :user
  has_many :tasks, -> { order(:position) }, dependent: :destroy, inverse_of: :project

  enum :status, { active: "active", archived: "archived" }, default: :active

  validates :name, presence: true, length: { maximum: 120 }
  validates :key, presence: true, uniqueness: { scope: :account_id },
                  format: { with: /\A[A-Z][A-Z0-9]{1,9}\z/, message: "must be 2-10 capital letters or digits" }

  scope :recent, -> { order(updated_at: :desc) }

  def next_task_number!
    with_lock do
      increment!(:task_counter)
      task_counter
    end
  end

  def progress
    total = tasks.count
    return 0 if total.zero?

    (tasks.done.count * 100.0 / total).round
  end
end
