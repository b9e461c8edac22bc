from fmlint.cli import main

raise SystemExit(main())
