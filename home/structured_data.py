"""schema.org data shared by page types: search engines show questions and answers from it."""


def faq_page(items):
    """FAQPage from (question, RichText answer) pairs. str() of a RichText expands Wagtail's
    internal link markup (<a linktype="page" id="3">) into real URLs."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": str(answer)},
            }
            for question, answer in items
        ],
    }
