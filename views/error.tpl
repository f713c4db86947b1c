{{%AUTOESCAPE context="HTML"}}
<section class="error-page">
  <h1>{{HEADING}}</h1>
  <p class="error-message">{{MESSAGE}}</p>
  <p>Κωδικός σφάλματος: {{STATUS}}</p>
  <p><a href="/">Επιστροφή στην αρχική σελίδα</a></p>
</section>
