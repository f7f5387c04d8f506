from footprint.cli.app import main

main()
