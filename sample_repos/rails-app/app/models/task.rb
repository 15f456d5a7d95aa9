class Task < ApplicationRecord
  STATES = %w[todo doing review done].freeze

  belongs_to :project, touch: true
  belongs_to :assignee, class_name: "User", optional: true
  belongs_to :reporter, class_name: "User"
  has_many :comments, -> { order(:created_at) }, dependent: :destroy
  has_many :attachments, dependent: :destroy

  validates :title, presence: true, length: { maximum: 200 }
  validates :state, inclusion: { in: STATES }
  validates :number, uniqueness: { scope: :project_id }

  before_validation :assign_number, on: :create

  scope :done, -> { where(state: "done") }
  scope :open, -> { where.not(state: "done") }
  scope :overdue, -> { open.where("due_on < ?", Date.current) }

  def reference
    "#{project.key}-#{number}"
  end

  def move_to!(state, position)
    raise ArgumentError, "unknown state #{state}" unless STATES.include?(state)

    update!(state: state, position: position, completed_at: state == "done" ? Time.current : nil)
  end

  private

  def assign_number
    self.number ||= project.next_task_number!
  end
end
