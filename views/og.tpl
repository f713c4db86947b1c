{{%AUTOESCAPE context="HTML"}}<meta property="og:type" content="article">
<meta property="og:site_name" content="{{SITE_NAME}}">
<meta property="og:title" content="{{OG_TITLE}}">
<meta property="og:description" content="{{OG_DESCRIPTION}}">
<meta property="og:url" content="{{OG_URL}}">
<meta property="og:locale" content="{{OG_LOCALE}}">
<meta property="article:published_time" content="{{OG_PUBLISHED}}">
{{! The page's <meta name="description"> is the layout's (DESCRIPTION). og:image must be a raster image (PNG, JPEG): social sites ignore SVG. }}{{#OG_IMAGE}}<meta property="og:image" content="{{URL}}">
<meta name="twitter:card" content="summary_large_image">
{{/OG_IMAGE}}
