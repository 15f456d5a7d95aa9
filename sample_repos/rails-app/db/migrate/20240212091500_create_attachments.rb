class CreateAttachments < ActiveRecord::Migration[7.0]
  def change
    create_table :attachments do |t|
      t.references :task, null: false, foreign_key: true
      t.references :uploaded_by, null: false, foreign_key: { to_table: :users }
      t.string :filename, null: false
      t.string :stored_path, null: false
      t.string :content_type, null: false
      t.bigint :byte_size, null: false
      t.timestamps
    end
  end
end
