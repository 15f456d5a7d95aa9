import asyncio
# subprocess.run(["convert", src])
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
app.run()
