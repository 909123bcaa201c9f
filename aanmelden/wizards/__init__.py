"""One wizard per form, each a PortalWizard (aanmelden/wizard.py) with its steps and mapping."""
