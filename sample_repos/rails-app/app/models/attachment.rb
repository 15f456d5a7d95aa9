class Attachment < ApplicationRecord
  belongs_to :task
  belongs_to :uploaded_by, class_name: "User"

  validates :filename, :stored_path, :content_type, presence: true
  validates :byte_size, numericality: { greater_than: 0 }

  def absolute_path
    File.join(Rails.configuration.x.uploads_root, stored_path)
  end

  def image?
    content_type.start_with?("image/")
  end
end
