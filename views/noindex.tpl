{{%AUTOESCAPE context="HTML"}}<meta name="robots" content="noindex, follow">
