from django.core.paginator import Paginator
from django.shortcuts import render

from campaigns.selectors import search_pages

RESULTS_PER_PAGE = 10


def search(request):
    """Search the pages of the current language."""
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        paginator = Paginator(search_pages(query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
    return render(request, "campaigns/search.html", {"query": query, "results": results})
