"""draft: Chinese government speeches from YAML data and template packs."""

__version__ = "0.1.0"
