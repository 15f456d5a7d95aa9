# port ENV.fetch("PORT", 3000)
port ENV["PORT"] || 3000
