from django.urls import path

from . import views

urlpatterns = [
    # "Phụ đề" (captions); a page slug never holds a dot, so no page can be shadowed by this.
    path("phu-de/<int:media_id>.vtt", views.captions, name="video-captions"),
]
