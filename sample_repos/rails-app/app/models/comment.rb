class Comment < ApplicationRecord
  belongs_to :task, counter_cache: true
  belongs_to :author, class_name: "User"

  validates :body, presence: true, length: { maximum: 10_000 }
end
