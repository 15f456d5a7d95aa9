{ 'targets': [ { 'target_name': 'scanner', 'sources': ['scanner.cc'] } ] }
