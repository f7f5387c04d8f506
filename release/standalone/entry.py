"""The standalone program's entry point: the same console script pip installs."""

from footprint.cli.app import main

if __name__ == "__main__":
    main()
