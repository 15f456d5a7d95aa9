# ruleid: config-from-environment
port ENV.fetch("PORT", 3000)
# ruleid: config-from-environment
workers Integer(ENV.fetch("WEB_CONCURRENCY") { 2 })
