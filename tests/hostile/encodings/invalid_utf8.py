name = 'café ÿþ Ã(  ¡'
open('/var/data/latin.txt', 'w')
