"""One module per ``tsuzuri`` subcommand, each with ``add_parser(parser)`` and ``run(args)``."""
