from deckmaker.cli import main

main()
